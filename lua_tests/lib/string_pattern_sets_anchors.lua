-- Pattern sets, ranges, negation, special chars inside sets, anchors and literal ^/$ positions
print(("hello world"):match("[aeiou]+"))
print(("hello world"):gsub("[aeiou]", "*"))
print(("hello world"):gsub("[^aeiou ]", "-"))
print(("abcxyz019"):gsub("[a-c7-9]", "#"))
print(("a-b-c"):gsub("[-]", "+"))
print(("a-b]c"):gsub("[]]", "!"))
print(("a^b"):gsub("[b^]", "?"))
print(("x%y"):gsub("[%%]", "pct"))
print(("tab\there"):gsub("[%s%d]", "_"))
print(("A1b2C3"):gsub("[%u%d]", ""))
print(("[brackets]"):gsub("[%[%]]", "|"))
print(("a.b,c;d"):gsub("[.,;]", " "))

-- negated set containing a class
print(("abc 123 def"):gsub("[^%a]", ""))

-- anchors
print(("hello"):match("^h"), ("hello"):match("^e"), ("hello"):match("o$"), ("hello"):match("l$"))
print(("hello"):match("^hello$"), ("hello!"):match("^hello$"))
-- '^' not at start and '$' not at end are literal
print(("a^b"):match("a^b"), ("a$b"):match("a$b"))
print(("price: $5"):match("%$(%d)"))

-- anchored gsub replaces only once
print(("aaa"):gsub("^a", "b"))

-- quantifiers: *, +, ?, and lazy -
print(("aaab"):match("a*"), ("baaa"):match("a*"), ("aaab"):match("a+b"))
print(("color colour"):gsub("colou?r", "C"))
print(("<a><b>"):match("<(.*)>"), ("<a><b>"):match("<(.-)>"))
print(("xAAAy"):match("x(A-)y"), ("xy"):match("x(A-)y"))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")

-- quantifier applies to single char class only
print(("abab"):match("ab*"), ("abbb"):match("ab*"))

-- empty matches with *
print(("abc"):gsub("x*", "-"))
print(("abc"):gsub("b*", "-"))

-- malformed set
print(pcall(string.match, "a", "[a-"))
print(pcall(string.match, "a", "[%"))
