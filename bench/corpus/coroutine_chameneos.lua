-- Chameneos-redux: creatures as coroutines meet at a meeting place, swap colours; a round-robin scheduler resumes them.
-- quick: 600
local N = tonumber(arg and arg[1]) or 1000000

local colours = { "blue", "red", "yellow" }

local function complement(c1, c2)
  if c1 == c2 then return c1 end
  if c1 == "blue" then
    return c2 == "red" and "yellow" or "red"
  elseif c1 == "red" then
    return c2 == "blue" and "yellow" or "blue"
  else
    return c2 == "blue" and "red" or "blue"
  end
end

local digits = { [0] = "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" }
local function spell(n)
  local s = tostring(n)
  local out = {}
  for ch in s:gmatch("%d") do
    out[#out + 1] = " " .. digits[tonumber(ch)]
  end
  return table.concat(out)
end

local MeetingPlace = {}
MeetingPlace.__index = MeetingPlace

function MeetingPlace.new(meetings)
  return setmetatable({ left = meetings, waiting = nil }, MeetingPlace)
end

-- Returns the partner's id and colour, or nothing once all meetings are used up.
function MeetingPlace:meet(creature)
  if self.left <= 0 then return end
  local other = self.waiting
  if other == nil then
    self.waiting = creature
    creature.partnerId = nil
    repeat
      coroutine.yield()
      if creature.partnerId == nil and self.left <= 0 then
        self.waiting = nil
        return
      end
    until creature.partnerId ~= nil
    local id, colour = creature.partnerId, creature.partnerColour
    creature.partnerId, creature.partnerColour = nil, nil
    return id, colour
  end
  self.waiting = nil
  self.left = self.left - 1
  other.partnerId, other.partnerColour = creature.id, creature.colour
  return other.id, other.colour
end

local Creature = {}
Creature.__index = Creature

function Creature.new(id, colour)
  return setmetatable({ id = id, colour = colour, met = 0, metSelf = 0 }, Creature)
end

function Creature:run(place)
  while true do
    local id, colour = place:meet(self)
    if id == nil then break end
    if id == self.id then self.metSelf = self.metSelf + 1 end
    self.met = self.met + 1
    self.colour = complement(self.colour, colour)
  end
end

local function run(n, startColours)
  io.write(" ", table.concat(startColours, " "), "\n")
  local place = MeetingPlace.new(n)
  local creatures, threads = {}, {}
  for i, colour in ipairs(startColours) do
    local c = Creature.new(i, colour)
    creatures[i] = c
    threads[i] = coroutine.create(function() c:run(place) end)
  end
  local alive = #threads
  while alive > 0 do
    alive = 0
    for i = 1, #threads do
      local co = threads[i]
      if coroutine.status(co) ~= "dead" then
        local ok, err = coroutine.resume(co)
        if not ok then error(err) end
        if coroutine.status(co) ~= "dead" then alive = alive + 1 end
      end
    end
  end
  local total = 0
  for _, c in ipairs(creatures) do
    io.write(c.met, spell(c.metSelf), "\n")
    total = total + c.met
  end
  io.write(spell(total), "\n\n")
end

for _, a in ipairs(colours) do
  for _, b in ipairs(colours) do
    io.write(a, " + ", b, " -> ", complement(a, b), "\n")
  end
end
io.write("\n")
run(N, { "blue", "red", "yellow" })
run(N, { "blue", "red", "yellow", "red", "yellow", "blue", "red", "yellow", "red", "blue" })
