-- Are-We-Fast-Yet Bounce: 100 balls bouncing in a box for 50 steps, counted bounces; Random and Ball classes.
-- quick: 20
local N = tonumber(arg and arg[1]) or 2000

local Random = {}
Random.__index = Random

function Random.new()
  return setmetatable({ seed = 74755 }, Random)
end

function Random:next()
  self.seed = ((self.seed * 1309) + 13849) & 65535
  return self.seed
end

local Ball = {}
Ball.__index = Ball

function Ball.new(random)
  local self = setmetatable({}, Ball)
  self.x = random:next() % 500
  self.y = random:next() % 500
  self.x_vel = (random:next() % 300) - 150
  self.y_vel = (random:next() % 300) - 150
  return self
end

function Ball:bounce()
  local x_limit, y_limit = 500, 500
  local bounced = false
  self.x = self.x + self.x_vel
  self.y = self.y + self.y_vel
  if self.x > x_limit then
    self.x = x_limit
    self.x_vel = 0 - math.abs(self.x_vel)
    bounced = true
  end
  if self.x < 0 then
    self.x = 0
    self.x_vel = math.abs(self.x_vel)
    bounced = true
  end
  if self.y > y_limit then
    self.y = y_limit
    self.y_vel = 0 - math.abs(self.y_vel)
    bounced = true
  end
  if self.y < 0 then
    self.y = 0
    self.y_vel = math.abs(self.y_vel)
    bounced = true
  end
  return bounced
end

local function benchmark()
  local random = Random.new()
  local ball_count = 100
  local bounces = 0
  local balls = {}
  for i = 1, ball_count do
    balls[i] = Ball.new(random)
  end
  for _ = 1, 50 do
    for _, ball in ipairs(balls) do
      if ball:bounce() then
        bounces = bounces + 1
      end
    end
  end
  return bounces
end

local result
for i = 1, N do
  result = benchmark()
  if result ~= 1331 then
    error("Bounce: wrong result " .. result .. " in iteration " .. i)
  end
end
print("Bounce: " .. N .. " iterations, " .. result .. " bounces")
