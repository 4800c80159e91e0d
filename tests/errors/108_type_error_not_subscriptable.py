# Indexing None.
def find():
    return None
r = find()
print(r[0])
