a = None
b = (a
     .attr)
