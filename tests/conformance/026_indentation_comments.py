# Checks: tab indentation used consistently, comments in odd places, blank lines.
x = 1  # trailing comment
# full line comment

if x:
	print("tab indented")
	if x > 0:
		print("two tabs")

	# comment inside block
	print("after blank")
def f():
    # a comment as first line
    return 4



print(f())
for i in range(2):
        print("eight spaces", i)
class C:
  a = 2
print(C.a)
