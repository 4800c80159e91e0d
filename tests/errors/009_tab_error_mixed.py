# Tabs and spaces mixed inconsistently in one block.
if True:
        a = 1
	b = 2
