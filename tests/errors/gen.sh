#!/bin/bash
# Writes the generated error inputs (too big or too binary to commit) into DIR.
# Their expected results are the committed NAME.err files next to this script.
# Usage: tests/errors/gen.sh DIR
set -u
out=${1:?usage: gen.sh DIR}
mkdir -p "$out" || exit 1

# NUL byte inside the second line.
printf 'x = 1\ny = 2\000\nz = 3\n' > "$out/200_gen_nul_byte.py"

# Invalid UTF-8 (a lone 0xff byte) inside a string literal on line 3.
printf '# Invalid UTF-8 below.\nx = 1\ny = "\377\376"\n' > "$out/201_gen_invalid_utf8.py"

# 250 nested parentheses (the limit is 200).
{
  printf '# 250 nested parentheses.\nx = '
  for ((i = 0; i < 250; i++)); do printf '('; done
  printf '1'
  for ((i = 0; i < 250; i++)); do printf ')'; done
  printf '\n'
} > "$out/202_gen_nested_parens_250.py"

# 120 levels of indentation (the limit is 100).
{
  printf '# 120 levels of indentation.\n'
  for ((i = 0; i < 120; i++)); do printf '%*sif True:\n' "$i" ''; done
  printf '%*spass\n' 120 ''
} > "$out/203_gen_indent_120_levels.py"

# A binary file: 4096 bytes of a fixed pattern that starts with an invalid
# UTF-8 byte and a NUL byte on the first line.
bytes='\377\000\376'
for ((i = 3; i < 4096; i++)); do
  printf -v oct '\\%03o' $(( (i * 37 + 11) % 256 ))
  bytes+=$oct
done
printf '%b' "$bytes" > "$out/204_gen_binary_garbage.py"

# A 3 MB single line: a string literal that is never closed.
{
  printf 'x = "'
  head -c 3000000 /dev/zero | tr '\0' 'a'
  printf '\n'
} > "$out/205_gen_long_line_3mb.py"

# A 3 MB comment line, then an undefined name on line 2.
{
  printf '#'
  head -c 3000000 /dev/zero | tr '\0' 'c'
  printf '\nprint(undefined_after_long_line)\n'
} > "$out/206_gen_long_comment_then_error.py"

# Invalid UTF-8 inside a comment on line 4 of an otherwise valid program.
printf '# Invalid UTF-8 in a comment.\nx = 1\ny = 2\n# caf\351\nprint(x + y)\n' > "$out/207_gen_invalid_utf8_comment.py"

# 50000 assignments, then an error on line 50002.
{
  printf '# 50000 lines, then a NameError.\n'
  for ((i = 0; i < 50000; i++)); do printf 'x = %d\n' "$i"; done
  printf 'print(missing_name)\n'
} > "$out/208_gen_many_lines.py"

# Only garbage control characters and no newline at all.
printf '\001\002\003\004\033[0m\177' > "$out/209_gen_control_chars.py"
exit 0
