# A missing key in a nested structure accessed from a function.
data = {'users': [{'name': 'ann'}]}
def email_of(i):
    return data['users'][i]['email']
email_of(0)
