-- DeltaBlue: the incremental constraint solver (chain and projection tests), a class hierarchy built on metatables.
-- quick: 2
local N = tonumber(arg and arg[1]) or 300

---------------------------------------------------------------- a tiny class helper
local function class(parent)
  local cls = {}
  cls.__index = cls
  if parent then setmetatable(cls, { __index = parent }) end
  cls.super = parent
  cls.new = function(...)
    local obj = setmetatable({}, cls)
    obj:init(...)
    return obj
  end
  return cls
end

---------------------------------------------------------------- strengths
local Strength = class()

function Strength:init(value, name)
  self.value = value
  self.name = name
end

Strength.REQUIRED = Strength.new(0, "required")
Strength.STRONG_PREFERRED = Strength.new(1, "strongPreferred")
Strength.PREFERRED = Strength.new(2, "preferred")
Strength.STRONG_DEFAULT = Strength.new(3, "strongDefault")
Strength.NORMAL = Strength.new(4, "normal")
Strength.WEAK_DEFAULT = Strength.new(5, "weakDefault")
Strength.WEAKEST = Strength.new(6, "weakest")

local by_value = {
  [0] = Strength.REQUIRED, Strength.STRONG_PREFERRED, Strength.PREFERRED, Strength.STRONG_DEFAULT,
  Strength.NORMAL, Strength.WEAK_DEFAULT, Strength.WEAKEST,
}

function Strength.stronger(s1, s2) return s1.value < s2.value end
function Strength.weaker(s1, s2) return s1.value > s2.value end
function Strength.weakest_of(s1, s2)
  if Strength.weaker(s1, s2) then return s1 end
  return s2
end
function Strength:next_weaker() return by_value[math.min(self.value + 1, 6)] end

local REQUIRED, WEAKEST = Strength.REQUIRED, Strength.WEAKEST

local NONE, FORWARD, BACKWARD = 0, 1, 2

planner = nil -- the current planner, a global as in the original

---------------------------------------------------------------- an ordered collection
local function remove_value(list, value)
  local j = 1
  for i = 1, #list do
    local v = list[i]
    if v ~= value then
      list[j] = v
      j = j + 1
    end
  end
  for i = #list, j, -1 do list[i] = nil end
end

---------------------------------------------------------------- variables
local Variable = class()

function Variable:init(name, value)
  self.value = value or 0
  self.constraints = {}
  self.determined_by = nil
  self.mark = 0
  self.walk_strength = WEAKEST
  self.stay = true
  self.name = name
end

function Variable:add_constraint(c)
  self.constraints[#self.constraints + 1] = c
end

function Variable:remove_constraint(c)
  remove_value(self.constraints, c)
  if self.determined_by == c then self.determined_by = nil end
end

---------------------------------------------------------------- constraints
local Constraint = class()

function Constraint:init(strength)
  self.strength = strength
end

function Constraint:add_constraint()
  self:add_to_graph()
  planner:incremental_add(self)
end

function Constraint:satisfy(mark)
  self:choose_method(mark)
  if not self:is_satisfied() then
    if self.strength == REQUIRED then
      error("Could not satisfy a required constraint!")
    end
    return nil
  end
  self:mark_inputs(mark)
  local out = self:output()
  local overridden = out.determined_by
  if overridden ~= nil then overridden:mark_unsatisfied() end
  out.determined_by = self
  if not planner:add_propagate(self, mark) then
    error("Cycle encountered")
  end
  out.mark = mark
  return overridden
end

function Constraint:destroy_constraint()
  if self:is_satisfied() then
    planner:incremental_remove(self)
  else
    self:remove_from_graph()
  end
end

function Constraint:is_input() return false end

-- unary constraints

local UnaryConstraint = class(Constraint)

function UnaryConstraint:init(v, strength)
  Constraint.init(self, strength)
  self.my_output = v
  self.satisfied = false
  self:add_constraint()
end

function UnaryConstraint:add_to_graph()
  self.my_output:add_constraint(self)
  self.satisfied = false
end

function UnaryConstraint:choose_method(mark)
  self.satisfied = self.my_output.mark ~= mark and Strength.stronger(self.strength, self.my_output.walk_strength)
end

function UnaryConstraint:is_satisfied() return self.satisfied end
function UnaryConstraint:mark_inputs(mark) end
function UnaryConstraint:output() return self.my_output end

function UnaryConstraint:recalculate()
  self.my_output.walk_strength = self.strength
  self.my_output.stay = not self:is_input()
  if self.my_output.stay then self:execute() end
end

function UnaryConstraint:mark_unsatisfied() self.satisfied = false end
function UnaryConstraint:inputs_known() return true end

function UnaryConstraint:remove_from_graph()
  if self.my_output ~= nil then self.my_output:remove_constraint(self) end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint:is_input() return true end
function EditConstraint:execute() end

-- binary constraints

local BinaryConstraint = class(Constraint)

function BinaryConstraint:init(var1, var2, strength)
  Constraint.init(self, strength)
  self.v1 = var1
  self.v2 = var2
  self.direction = NONE
  self:add_constraint()
end

function BinaryConstraint:choose_method(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    if v2.mark ~= mark and Strength.stronger(self.strength, v2.walk_strength) then
      self.direction = FORWARD
    else
      self.direction = NONE
    end
    return
  end
  if v2.mark == mark then
    if v1.mark ~= mark and Strength.stronger(self.strength, v1.walk_strength) then
      self.direction = BACKWARD
    else
      self.direction = NONE
    end
    return
  end
  if Strength.weaker(v1.walk_strength, v2.walk_strength) then
    self.direction = Strength.stronger(self.strength, v1.walk_strength) and BACKWARD or NONE
  else
    self.direction = Strength.stronger(self.strength, v2.walk_strength) and FORWARD or BACKWARD
  end
end

function BinaryConstraint:add_to_graph()
  self.v1:add_constraint(self)
  self.v2:add_constraint(self)
  self.direction = NONE
end

function BinaryConstraint:is_satisfied() return self.direction ~= NONE end
function BinaryConstraint:mark_inputs(mark) self:input().mark = mark end

function BinaryConstraint:input()
  if self.direction == FORWARD then return self.v1 end
  return self.v2
end

function BinaryConstraint:output()
  if self.direction == FORWARD then return self.v2 end
  return self.v1
end

function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end

function BinaryConstraint:mark_unsatisfied() self.direction = NONE end

function BinaryConstraint:inputs_known(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determined_by == nil
end

function BinaryConstraint:remove_from_graph()
  if self.v1 ~= nil then self.v1:remove_constraint(self) end
  if self.v2 ~= nil then self.v2:remove_constraint(self) end
  self.direction = NONE
end

local ScaleConstraint = class(BinaryConstraint)

function ScaleConstraint:init(src, scale, offset, dest, strength)
  self.direction = NONE
  self.scale = scale
  self.offset = offset
  BinaryConstraint.init(self, src, dest, strength)
end

function ScaleConstraint:add_to_graph()
  BinaryConstraint.add_to_graph(self)
  self.scale:add_constraint(self)
  self.offset:add_constraint(self)
end

function ScaleConstraint:remove_from_graph()
  BinaryConstraint.remove_from_graph(self)
  if self.scale ~= nil then self.scale:remove_constraint(self) end
  if self.offset ~= nil then self.offset:remove_constraint(self) end
end

function ScaleConstraint:mark_inputs(mark)
  BinaryConstraint.mark_inputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end

function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) / self.scale.value
  end
end

function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local EqualityConstraint = class(BinaryConstraint)

function EqualityConstraint:execute()
  self:output().value = self:input().value
end

---------------------------------------------------------------- plans and the planner
local Plan = class()

function Plan:init() self.v = {} end
function Plan:add_constraint(c) self.v[#self.v + 1] = c end

function Plan:execute()
  for _, c in ipairs(self.v) do c:execute() end
end

local Planner = class()

function Planner:init() self.current_mark = 0 end

function Planner:incremental_add(c)
  local mark = self:new_mark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do
    overridden = overridden:satisfy(mark)
  end
end

function Planner:incremental_remove(c)
  local out = c:output()
  c:mark_unsatisfied()
  c:remove_from_graph()
  local unsatisfied = self:remove_propagate_from(out)
  local strength = REQUIRED
  repeat
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incremental_add(u) end
    end
    strength = strength:next_weaker()
  until strength == WEAKEST
end

function Planner:new_mark()
  self.current_mark = self.current_mark + 1
  return self.current_mark
end

function Planner:make_plan(sources)
  local mark = self:new_mark()
  local plan = Plan.new()
  local todo = sources
  while #todo > 0 do
    local c = table.remove(todo, 1)
    if c:output().mark ~= mark and c:inputs_known(mark) then
      plan:add_constraint(c)
      c:output().mark = mark
      self:add_constraints_consuming_to(c:output(), todo)
    end
  end
  return plan
end

function Planner:extract_plan_from_constraints(constraints)
  local sources = {}
  for _, c in ipairs(constraints) do
    if c:is_input() and c:is_satisfied() then sources[#sources + 1] = c end
  end
  return self:make_plan(sources)
end

function Planner:add_propagate(c, mark)
  local todo = { c }
  while #todo > 0 do
    local d = table.remove(todo)
    if d:output().mark == mark then
      self:incremental_remove(c)
      return false
    end
    d:recalculate()
    self:add_constraints_consuming_to(d:output(), todo)
  end
  return true
end

function Planner:remove_propagate_from(out)
  out.determined_by = nil
  out.walk_strength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = { out }
  while #todo > 0 do
    local v = table.remove(todo)
    for _, c in ipairs(v.constraints) do
      if not c:is_satisfied() then unsatisfied[#unsatisfied + 1] = c end
    end
    local determining = v.determined_by
    for _, nxt in ipairs(v.constraints) do
      if nxt ~= determining and nxt:is_satisfied() then
        nxt:recalculate()
        todo[#todo + 1] = nxt:output()
      end
    end
  end
  return unsatisfied
end

function Planner:add_constraints_consuming_to(v, coll)
  local determining = v.determined_by
  local cc = v.constraints
  for i = 1, #cc do
    local c = cc[i]
    if c ~= determining and c:is_satisfied() then
      coll[#coll + 1] = c
    end
  end
end

---------------------------------------------------------------- the two tests
local function chain_test(n)
  planner = Planner.new()
  local prev, first, last = nil, nil, nil
  for i = 0, n do
    local v = Variable.new("v" .. i, 0)
    if prev ~= nil then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, Strength.STRONG_DEFAULT)
  local edit = EditConstraint.new(first, Strength.PREFERRED)
  local plan = planner:extract_plan_from_constraints({ edit })
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("Chain test failed: " .. tostring(last.value) .. " ~= " .. i) end
  end
  edit:destroy_constraint()
  return last.value
end

local function change(v, new_value)
  local edit = EditConstraint.new(v, Strength.PREFERRED)
  local plan = planner:extract_plan_from_constraints({ edit })
  for _ = 1, 10 do
    v.value = new_value
    plan:execute()
  end
  edit:destroy_constraint()
end

local function projection_test(n)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local src, dst = nil, nil
  local dests = {}
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, Strength.NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  change(dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  change(scale, 5)
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 1000 then error("Projection 3 failed") end
  end
  change(offset, 2000)
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then error("Projection 4 failed") end
  end
  local sum = 0
  for _, d in ipairs(dests) do sum = sum + d.value end
  return sum
end

local chain, projection
for _ = 1, N do
  chain = chain_test(100)
  projection = projection_test(100)
end
print(string.format("DeltaBlue: %d iterations, chain end %d, projection sum %s, marks %d", N, chain,
  string.format("%.1f", projection), planner.current_mark))
