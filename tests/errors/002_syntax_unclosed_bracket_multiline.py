# A list display left open across several lines until the end of the file.
values = [
    1,
    2,
    3,
