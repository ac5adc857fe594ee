-- Richards: the OS task-scheduler simulation (idle, worker, handler and device tasks exchanging packets), AWFY style.
-- quick: 1
local N = tonumber(arg and arg[1]) or 48

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4
local COUNT = 10000
local EXPECTED_QUEUE_COUNT = 23246
local EXPECTED_HOLD_COUNT = 9297

-- task states, as bits
local STATE_RUNNING = 0
local STATE_RUNNABLE = 1
local STATE_SUSPENDED = 2
local STATE_HELD = 4
local STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE

---------------------------------------------------------------- packets
local Packet = {}
Packet.__index = Packet

function Packet.new(link, id, kind)
  local self = setmetatable({}, Packet)
  self.link = link
  self.id = id
  self.kind = kind
  self.a1 = 0
  self.a2 = {}
  for i = 1, DATA_SIZE do self.a2[i] = 0 end
  return self
end

-- append this packet at the end of a queue, return the queue's head
function Packet:add_to(queue)
  self.link = nil
  if queue == nil then return self end
  local peek, next = nil, queue
  repeat
    peek = next
    next = peek.link
  until next == nil
  peek.link = self
  return queue
end

---------------------------------------------------------------- task control blocks
local TaskControlBlock = {}
TaskControlBlock.__index = TaskControlBlock

function TaskControlBlock.new(link, id, priority, queue, task)
  local self = setmetatable({}, TaskControlBlock)
  self.link = link
  self.id = id
  self.priority = priority
  self.queue = queue
  self.task = task
  if queue == nil then
    self.state = STATE_SUSPENDED
  else
    self.state = STATE_SUSPENDED_RUNNABLE
  end
  return self
end

function TaskControlBlock:set_running() self.state = STATE_RUNNING end
function TaskControlBlock:mark_as_not_held() self.state = self.state & ~STATE_HELD end
function TaskControlBlock:mark_as_held() self.state = self.state | STATE_HELD end
function TaskControlBlock:mark_as_suspended() self.state = self.state | STATE_SUSPENDED end
function TaskControlBlock:mark_as_runnable() self.state = self.state | STATE_RUNNABLE end

function TaskControlBlock:is_held_or_suspended()
  return (self.state & STATE_HELD) ~= 0 or self.state == STATE_SUSPENDED
end

function TaskControlBlock:run()
  local packet
  if self.state == STATE_SUSPENDED_RUNNABLE then
    packet = self.queue
    self.queue = packet.link
    if self.queue == nil then
      self.state = STATE_RUNNING
    else
      self.state = STATE_RUNNABLE
    end
  end
  return self.task:run(packet)
end

function TaskControlBlock:check_priority_add(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:mark_as_runnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:add_to(self.queue)
  end
  return task
end

---------------------------------------------------------------- tasks (a small class hierarchy)
local Task = {}
Task.__index = Task

function Task:extend()
  local cls = setmetatable({}, { __index = self })
  cls.__index = cls
  return cls
end

local IdleTask = Task:extend()
function IdleTask.new(scheduler, v1, count)
  return setmetatable({ scheduler = scheduler, v1 = v1, count = count }, IdleTask)
end
function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:hold_current() end
  if (self.v1 & 1) == 0 then
    self.v1 = self.v1 >> 1
    return self.scheduler:release(ID_DEVICE_A)
  else
    self.v1 = (self.v1 >> 1) ~ 0xD008
    return self.scheduler:release(ID_DEVICE_B)
  end
end

local DeviceTask = Task:extend()
function DeviceTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, v1 = nil }, DeviceTask)
end
function DeviceTask:run(packet)
  if packet == nil then
    if self.v1 == nil then return self.scheduler:suspend_current() end
    local v = self.v1
    self.v1 = nil
    return self.scheduler:queue(v)
  else
    self.v1 = packet
    return self.scheduler:hold_current()
  end
end

local WorkerTask = Task:extend()
function WorkerTask.new(scheduler, v1, v2)
  return setmetatable({ scheduler = scheduler, v1 = v1, v2 = v2 }, WorkerTask)
end
function WorkerTask:run(packet)
  if packet == nil then
    return self.scheduler:suspend_current()
  end
  if self.v1 == ID_HANDLER_A then
    self.v1 = ID_HANDLER_B
  else
    self.v1 = ID_HANDLER_A
  end
  packet.id = self.v1
  packet.a1 = 0
  for i = 1, DATA_SIZE do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    packet.a2[i] = self.v2
  end
  return self.scheduler:queue(packet)
end

local HandlerTask = Task:extend()
function HandlerTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, v1 = nil, v2 = nil }, HandlerTask)
end
function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.v1 = packet:add_to(self.v1)
    else
      self.v2 = packet:add_to(self.v2)
    end
  end
  if self.v1 ~= nil then
    local count = self.v1.a1
    local v
    if count < DATA_SIZE then
      if self.v2 ~= nil then
        v = self.v2
        self.v2 = self.v2.link
        v.a1 = self.v1.a2[count + 1]
        self.v1.a1 = count + 1
        return self.scheduler:queue(v)
      end
    else
      v = self.v1
      self.v1 = self.v1.link
      return self.scheduler:queue(v)
    end
  end
  return self.scheduler:suspend_current()
end

---------------------------------------------------------------- the scheduler
local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  local self = setmetatable({}, Scheduler)
  self.queue_count = 0
  self.hold_count = 0
  self.blocks = {}
  self.list = nil
  self.current_tcb = nil
  self.current_id = nil
  return self
end

function Scheduler:add_task(id, priority, queue, task)
  self.current_tcb = TaskControlBlock.new(self.list, id, priority, queue, task)
  self.list = self.current_tcb
  self.blocks[id] = self.current_tcb
end

function Scheduler:add_running_task(id, priority, queue, task)
  self:add_task(id, priority, queue, task)
  self.current_tcb:set_running()
end

function Scheduler:add_idle_task(id, priority, queue, count)
  self:add_running_task(id, priority, queue, IdleTask.new(self, 1, count))
end

function Scheduler:add_worker_task(id, priority, queue)
  self:add_task(id, priority, queue, WorkerTask.new(self, ID_HANDLER_A, 0))
end

function Scheduler:add_handler_task(id, priority, queue)
  self:add_task(id, priority, queue, HandlerTask.new(self))
end

function Scheduler:add_device_task(id, priority, queue)
  self:add_task(id, priority, queue, DeviceTask.new(self))
end

function Scheduler:schedule()
  self.current_tcb = self.list
  while self.current_tcb ~= nil do
    if self.current_tcb:is_held_or_suspended() then
      self.current_tcb = self.current_tcb.link
    else
      self.current_id = self.current_tcb.id
      self.current_tcb = self.current_tcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return tcb end
  tcb:mark_as_not_held()
  if tcb.priority > self.current_tcb.priority then
    return tcb
  else
    return self.current_tcb
  end
end

function Scheduler:hold_current()
  self.hold_count = self.hold_count + 1
  self.current_tcb:mark_as_held()
  return self.current_tcb.link
end

function Scheduler:suspend_current()
  self.current_tcb:mark_as_suspended()
  return self.current_tcb
end

function Scheduler:queue(packet)
  local t = self.blocks[packet.id]
  if t == nil then return t end
  self.queue_count = self.queue_count + 1
  packet.link = nil
  packet.id = self.current_id
  return t:check_priority_add(self.current_tcb, packet)
end

local function run_richards()
  local scheduler = Scheduler.new()
  scheduler:add_idle_task(ID_IDLE, 0, nil, COUNT)

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  scheduler:add_worker_task(ID_WORKER, 1000, queue)

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  scheduler:add_handler_task(ID_HANDLER_A, 2000, queue)

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  scheduler:add_handler_task(ID_HANDLER_B, 3000, queue)

  scheduler:add_device_task(ID_DEVICE_A, 4000, nil)
  scheduler:add_device_task(ID_DEVICE_B, 5000, nil)

  scheduler:schedule()
  return scheduler.queue_count, scheduler.hold_count
end

local qc, hc
for i = 1, N do
  qc, hc = run_richards()
  if qc ~= EXPECTED_QUEUE_COUNT or hc ~= EXPECTED_HOLD_COUNT then
    error(string.format("Richards: iteration %d: queue count %d, hold count %d", i, qc, hc))
  end
end
print(string.format("Richards: %d iterations, queue count %d, hold count %d", N, qc, hc))
