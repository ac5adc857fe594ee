-- JSON: an encoder and a recursive-descent parser (string.find patterns, string.byte dispatch, escapes) round-tripping generated data.
-- quick: 2
local N = tonumber(arg and arg[1]) or 350

local json = {}
json.null = setmetatable({}, { __tostring = function() return "null" end })

---------------------------------------------------------------- encoder
local escapes = {
  ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}

local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", c:byte())
end

local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n == #t
end

local encode_value

local function encode_table(t, out)
  if is_array(t) then
    out[#out + 1] = "["
    for i = 1, #t do
      if i > 1 then out[#out + 1] = "," end
      encode_value(t[i], out)
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(t) do
      if type(k) ~= "string" then error("json: object keys must be strings") end
      keys[#keys + 1] = k
    end
    table.sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = '"' .. k:gsub('[%c"\\]', escape_char) .. '":'
      encode_value(t[k], out)
    end
    out[#out + 1] = "}"
  end
end

function encode_value(v, out)
  local tv = type(v)
  if v == json.null then
    out[#out + 1] = "null"
  elseif tv == "table" then
    encode_table(v, out)
  elseif tv == "string" then
    out[#out + 1] = '"' .. v:gsub('[%c"\\]', escape_char) .. '"'
  elseif tv == "number" then
    if math.type(v) == "integer" then
      out[#out + 1] = string.format("%d", v)
    else
      out[#out + 1] = string.format("%.14g", v)
    end
  elseif tv == "boolean" then
    out[#out + 1] = tostring(v)
  else
    error("json: cannot encode a " .. tv)
  end
end

function json.encode(v)
  local out = {}
  encode_value(v, out)
  return table.concat(out)
end

---------------------------------------------------------------- parser
local parse_value

local function skip_ws(s, pos)
  return select(2, s:find("^[ \n\r\t]*", pos)) + 1
end

local function parse_error(s, pos, what)
  error(string.format("json: %s at position %d near '%s'", what, pos, s:sub(pos, pos + 10)), 0)
end

local unescapes = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }

local function parse_string(s, pos)
  -- pos is at the opening quote
  local buf = {}
  local i = pos + 1
  while true do
    local j = s:find('["\\]', i)
    if not j then parse_error(s, pos, "unterminated string") end
    buf[#buf + 1] = s:sub(i, j - 1)
    if s:byte(j) == 34 then -- '"'
      return table.concat(buf), j + 1
    end
    local e = s:sub(j + 1, j + 1)
    if e == "u" then
      local hex = s:match("^%x%x%x%x", j + 2)
      if not hex then parse_error(s, j, "bad unicode escape") end
      buf[#buf + 1] = utf8.char(tonumber(hex, 16))
      i = j + 6
    else
      local c = unescapes[e]
      if not c then parse_error(s, j, "bad escape") end
      buf[#buf + 1] = c
      i = j + 2
    end
  end
end

local function parse_number(s, pos)
  local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  local v = tonumber(num)
  if not v then parse_error(s, pos, "bad number") end
  return v, pos + #num
end

local function parse_array(s, pos)
  local arr = {}
  pos = skip_ws(s, pos + 1)
  if s:byte(pos) == 93 then return arr, pos + 1 end -- ']'
  while true do
    local v
    v, pos = parse_value(s, pos)
    arr[#arr + 1] = v
    pos = skip_ws(s, pos)
    local c = s:byte(pos)
    if c == 93 then return arr, pos + 1 end
    if c ~= 44 then parse_error(s, pos, "expected ',' or ']'") end
    pos = skip_ws(s, pos + 1)
  end
end

local function parse_object(s, pos)
  local obj = {}
  pos = skip_ws(s, pos + 1)
  if s:byte(pos) == 125 then return obj, pos + 1 end -- '}'
  while true do
    if s:byte(pos) ~= 34 then parse_error(s, pos, "expected a key") end
    local k
    k, pos = parse_string(s, pos)
    pos = skip_ws(s, pos)
    if s:sub(pos, pos) ~= ":" then parse_error(s, pos, "expected ':'") end
    pos = skip_ws(s, pos + 1)
    obj[k], pos = parse_value(s, pos)
    pos = skip_ws(s, pos)
    local c = s:byte(pos)
    if c == 125 then return obj, pos + 1 end
    if c ~= 44 then parse_error(s, pos, "expected ',' or '}'") end
    pos = skip_ws(s, pos + 1)
  end
end

local literals = { ["true"] = true, ["false"] = false, ["null"] = json.null }

function parse_value(s, pos)
  local c = s:sub(pos, pos)
  if c == "{" then
    return parse_object(s, pos)
  elseif c == "[" then
    return parse_array(s, pos)
  elseif c == '"' then
    return parse_string(s, pos)
  elseif c == "-" or c:match("%d") then
    return parse_number(s, pos)
  else
    for word, value in pairs(literals) do
      if s:sub(pos, pos + #word - 1) == word then return value, pos + #word end
    end
    parse_error(s, pos, "unexpected character")
  end
end

function json.decode(s)
  local v, pos = parse_value(s, skip_ws(s, 1))
  pos = skip_ws(s, pos)
  if pos <= #s then parse_error(s, pos, "trailing garbage") end
  return v
end

---------------------------------------------------------------- generated data
local seed = 2024
local function rnd(n)
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
end

local words = { "alpha", "beta", "gamma", "delta", "tab\there", 'quote"d', "back\\slash", "new\nline", "caf\u{e9}",
  "ctrl\1char", "" }

local function gen(depth)
  local kind = rnd(depth > 3 and 5 or 8)
  if kind == 0 then return rnd(100000) - 50000
  elseif kind == 1 then return (rnd(2000000) - 1000000) / 1024
  elseif kind == 2 then return words[rnd(#words) + 1] .. rnd(100)
  elseif kind == 3 then return rnd(2) == 0
  elseif kind == 4 then return json.null
  elseif kind <= 5 then
    local arr = {}
    for i = 1, rnd(6) do arr[i] = gen(depth + 1) end
    return arr
  else
    local obj = {}
    for _ = 1, rnd(6) + 1 do obj[words[rnd(#words) + 1] .. "_" .. rnd(50)] = gen(depth + 1) end
    return obj
  end
end

local docs = {}
for i = 1, 40 do
  docs[i] = { id = i, name = "doc" .. i, payload = gen(0), tags = { "x", "y", i * 0.5 } }
end

local function walk(v, acc)
  local tv = type(v)
  if tv == "number" then
    acc.numbers = acc.numbers + v
  elseif tv == "string" then
    acc.chars = acc.chars + #v
  elseif tv == "table" and v ~= json.null then
    for k, x in pairs(v) do
      if type(k) == "string" then acc.chars = acc.chars + #k end
      walk(x, acc)
    end
  end
  return acc
end

local text, total = nil, 0
for _ = 1, N do
  text = json.encode(docs)
  local back = json.decode(text)
  local again = json.encode(back)
  if again ~= text then error("json: round trip changed the text") end
  total = total + #again
end

local acc = walk(json.decode(text), { numbers = 0, chars = 0 })
print(string.format("json: %d round trips, %d bytes each, %d in all", N, #text, total))
print(string.format("sum of numbers %.4f, characters in strings and keys %d", acc.numbers, acc.chars))
print(text:sub(1, 120))
