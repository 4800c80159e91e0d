# A character that is not part of the language.
price = 10
cost = price $ 2
