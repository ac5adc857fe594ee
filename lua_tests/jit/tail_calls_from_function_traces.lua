-- A recursive dispatcher with a loop (so it gets a function trace of its own) whose branches end in tail calls of
-- other functions, as a recursive-descent parser's parse_value does: the callee's frame replaces the dispatcher's in
-- the trace, as the interpreter replaces it. Covers callees returning several values, a vararg callee, a chain of
-- tail calls, a tail-recursive callee, closures made anew each time, errors raised in a callee (their messages and
-- the line they name), and a dispatcher whose branches change kind after the trace was compiled.
local parse_value

local function parse_number(s, pos)
  local digits = s:match("^%d+", pos)
  return tonumber(digits), pos + #digits
end

local function parse_word(s, pos)
  local w = s:match("^%a+", pos)
  return w:upper(), pos + #w
end

local function count_args(pos, ...)
  return select("#", ...) * 100, pos + 1
end

local function skip(n, s, pos)
  if n == 0 then return parse_word(s, pos) end
  return skip(n - 1, s, pos)          -- tail-recursive: a chain longer than the recorder inlines
end

local function parse_list(s, pos)
  local items = {}
  pos = pos + 1
  while s:sub(pos, pos) ~= "]" do
    local v
    v, pos = parse_value(s, pos)
    items[#items + 1] = v
    if s:sub(pos, pos) == "," then pos = pos + 1 end
  end
  return items, pos + 1
end

local function make_reader(scale)
  return function(s, pos)
    local digits = s:match("^%d+", pos + 1)
    return tonumber(digits) * scale, pos + 1 + #digits
  end
end

local literals = { yes = "T", no = "F" }

function parse_value(s, pos)
  local c = s:sub(pos, pos)
  if c == "[" then
    return parse_list(s, pos)
  elseif c:match("%d") then
    return parse_number(s, pos)
  elseif c == "#" then
    return count_args(pos, c, c, c)
  elseif c == "~" then
    return skip(40, s, pos + 1)
  elseif c == "*" then
    return make_reader(pos)(s, pos)
  elseif c == "!" then
    return error("unexpected '!' at " .. pos)
  end
  for word, v in pairs(literals) do
    if s:sub(pos, pos + #word - 1) == word then return v, pos + #word end
  end
  return parse_word(s, pos)
end

local function flatten(v, out)
  if type(v) == "table" then
    for _, x in ipairs(v) do flatten(x, out) end
  else
    out[#out + 1] = tostring(v)
  end
  return out
end

local docs = { "[1,[22,abc],[[3],#],de,yes]", "[~xy,*7,[*12,45],[],no]", "[[[[9]]],q,#,~zz]" }
local results = {}
for round = 1, 300 do
  local doc = docs[round % #docs + 1]
  if round > 250 then doc = "[" .. doc .. ",7,[#]]" end       -- new shapes after the traces settled
  local v, pos = parse_value(doc, 1)
  results[round % #docs + 1] = table.concat(flatten(v, {}), " ") .. " @" .. pos
end
for i = 1, #docs do print(results[i]) end

-- an error raised in a tail-called callee, and one raised by a function the callee calls
for _, bad in ipairs({ "[1,!]", "[1,[2,~3]]" }) do
  local ok, err = pcall(parse_value, bad, 1)
  print(ok, err)
end

-- several values through the tail call, at the top level too
print(parse_value("#", 1))
print(select("#", parse_value("[1,2]", 1)))
