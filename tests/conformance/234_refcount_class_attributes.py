# Checks: class attributes hold one reference from the class; instances do not add references to them.
import sys
config = {'level': 3}
class Service:
    settings = config
    def __init__(self):
        self.own = config
print(sys.getrefcount(config))
s1 = Service()
s2 = Service()
print(sys.getrefcount(config))
print(s1.settings is config, Service.settings is s2.settings)
del s1
print(sys.getrefcount(config))
Service.settings = None
print(sys.getrefcount(config))
s2.settings = config
print(sys.getrefcount(config))
del s2
print(sys.getrefcount(config))
