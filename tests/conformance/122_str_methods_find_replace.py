# Checks: str.find and str.replace (with count), not found cases, empty patterns.
s = 'hello world hello'
print(s.find('o'), s.find('hello'), s.find('hello', 1), s.find('z'), s.find(''), s.find('o', 5, 8))
print(s.replace('hello', 'bye'), s.replace('l', 'L', 2), s.replace('zz', 'q'), s.replace(' ', ''))
print('aaa'.replace('a', 'aa'), 'abab'.replace('ab', ''), 'x'.replace('x', ''))
t = 'unchanged'
print(t.replace('q', 'z') == t)
print('ab'.replace('', '-'))
print(''.find(''), 'abc'.find('c', -1), 'abc'.find('a', -1))
path = 'dir/sub/file.txt'
print(path[path.find('/') + 1:], path[:path.find('.')])
