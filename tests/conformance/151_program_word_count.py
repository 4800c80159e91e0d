# Checks: a word-frequency program using dicts, split, lower, strip, sorted with key and f-strings.
text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!  A fox, a dog."""
counts = {}
for raw in text.split():
    word = raw.strip('.,;!').lower()
    counts[word] = counts.get(word, 0) + 1
print(len(counts))
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:5]:
    print(f'{word:<6}|{n:>3}')
letters = {}
for ch in text.lower():
    if 'a' <= ch <= 'z':
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items())[:5])
print(max(counts, key=lambda w: counts[w]), sum(counts.values()))
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(lengths.items())})
