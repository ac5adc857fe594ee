-- Are-We-Fast-Yet Towers: Towers of Hanoi with 13 discs kept as linked lists of disk objects (metatables), moves counted.
-- quick: 3
local N = tonumber(arg and arg[1]) or 800

local TowersDisk = {}
TowersDisk.__index = TowersDisk

function TowersDisk.new(size)
  return setmetatable({ size = size, next = nil }, TowersDisk)
end

local Towers = {}
Towers.__index = Towers

function Towers.new()
  return setmetatable({ piles = nil, moves_done = 0 }, Towers)
end

function Towers:benchmark()
  self.piles = {}
  self:build_tower_at(1, 13)
  self.moves_done = 0
  self:move_disks(13, 1, 2)
  return self.moves_done
end

function Towers:verify_result(result)
  return result == 8191
end

function Towers:push_disk(disk, pile)
  local top = self.piles[pile]
  if top and disk.size >= top.size then
    error("Cannot put a big disk on a smaller one")
  end
  disk.next = top
  self.piles[pile] = disk
end

function Towers:pop_disk_from(pile)
  local top = self.piles[pile]
  if top == nil then
    error("Attempting to remove a disk from an empty pile")
  end
  self.piles[pile] = top.next
  top.next = nil
  return top
end

function Towers:move_top_disk(from_pile, to_pile)
  self:push_disk(self:pop_disk_from(from_pile), to_pile)
  self.moves_done = self.moves_done + 1
end

function Towers:build_tower_at(pile, disks)
  for i = disks, 0, -1 do
    self:push_disk(TowersDisk.new(i), pile)
  end
end

function Towers:move_disks(disks, from_pile, to_pile)
  if disks == 1 then
    self:move_top_disk(from_pile, to_pile)
  else
    local other_pile = 6 - from_pile - to_pile
    self:move_disks(disks - 1, from_pile, other_pile)
    self:move_top_disk(from_pile, to_pile)
    self:move_disks(disks - 1, other_pile, to_pile)
  end
end

local bench = Towers.new()
local result
for i = 1, N do
  result = bench:benchmark()
  if not bench:verify_result(result) then
    error("Towers: wrong result " .. tostring(result) .. " in iteration " .. i)
  end
end
local top = bench.piles[2]
print(string.format("Towers: %d iterations, %d moves, top disk on pile 2 has size %d", N, result, top.size))
