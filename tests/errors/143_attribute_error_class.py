# A missing class attribute.
class Config:
    debug = False
print(Config.verbose)
