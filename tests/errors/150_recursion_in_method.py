# A method that calls itself forever.
class Tree:
    def depth(self):
        return 1 + self.depth()
Tree().depth()
