# Checks: str, repr, hex/oct/bin, format specs, f-strings and %-formatting of ints past 64 bits; int() parsing of big literals; the 4300-digit str conversion limit.
B = 2 ** 100
N = -(3 ** 75)
print(B, N, repr(B), str(N), [B, N], (B,), {'k': N})
print(hex(B), hex(N), oct(B), oct(N), bin(2 ** 70 + 1), bin(-(2 ** 65)))
print(f'{B}|{N}|{B:,}|{N:_}|{B:_x}|{N:#X}|{B:#o}|{B:b}')
print(f'{B:>40}|{N:<40}|{B:^40}|{N:=+45,}|')
print(f'{B:*^50,}|{B:045}|{N:045,}|{B:+}|{B: }|{-B: }|')
print(f'{B:e}|{N:.3e}|{B:.2f}|{B:,.1f}|{B:g}|{N:G}|{B:%}|{B:n}')
print(format(B, 'x'), format(N, '#b')[:20], format(B, ''), format(2 ** 64, 'd'), format(2 ** 64 - 1, 'X'))
print('%d|%i|%x|%X|%o|%#x|%#o' % (B, N, B, N, B, N, B))
print('%40d|%-40d|%+d|%.35d|%e|%.2f' % (B, N, B, B, N, B))
print('%d' % 1e30, '%d' % -2.5e25, '{} and {:,}'.format(B, N), '{0:x}'.format(B))
for text, base in [('123456789012345678901234567890', 10), ('-0x1fffffffffffffffffffff', 16), ('0b' + '1' * 80, 0),
                   ('  1_000_000_000_000_000_000_000  ', 10), ('z' * 20, 36), ('-0o7777777777777777777777777', 0)]:
    print(int(text, base))
print(int('9' * 4300) % 1000, len(str(10 ** 4299)), len(repr(-(10 ** 4299))))
for bad in ['str(10 ** 4300)', "int('1' * 4301)", 'format(B, "c")', 'format(B, ".2")', 'float(10 ** 400)']:
    try:
        if bad == 'str(10 ** 4300)':
            str(10 ** 4300)
        elif bad == "int('1' * 4301)":
            int('1' * 4301)
        elif bad == 'format(B, "c")':
            format(B, 'c')
        elif bad == 'format(B, ".2")':
            format(B, '.2')
        else:
            float(10 ** 400)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
print(len(hex(10 ** 4300)), f'{10 ** 4400:x}'[:12])
