# An object graph: class instances with several attributes, linked into a
# tree with cross links, then walked without recursion and summed.

class Node:
    def __init__(self, key, parent):
        self.key = key
        self.parent = parent
        self.children = []
        self.friend = None
        self.weight = key % 7


def build(n):
    root = Node(0, None)
    root.friend = root
    nodes = [root]
    for k in range(1, n):
        parent = nodes[(k - 1) // 3]
        node = Node(k, parent)
        parent.children.append(node)
        node.friend = nodes[k // 2]
        nodes.append(node)
    return root


def walk(root):
    total = 0
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += 1
        total += node.weight + node.friend.weight
        for child in node.children:
            stack.append(child)
    return count, total

root = build(100000)
for _ in range(3):
    print(walk(root))
