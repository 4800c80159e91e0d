# A binary literal with a digit that is not 0 or 1.
ok = 0b101
bad = 0b102
