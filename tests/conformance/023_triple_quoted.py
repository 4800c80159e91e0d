# Checks: triple-quoted strings spanning lines, with quotes and escapes inside.
s = """line one
line two
  indented 'quote' and "double" """
print(s)
t = '''single ''quotes'' inside
and a \t tab'''
print(t)
print(repr("""a
b"""))
u = """\
no leading newline"""
print(u)
print(len("""x
y"""))
def doc():
    """A docstring is just an expression statement."""
    return 'returned'
print(doc())
