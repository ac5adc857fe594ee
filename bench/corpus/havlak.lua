-- Havlak loop recognition (AWFY): union-find, DFS numbering and loop nesting over a generated control-flow graph.
-- quick: 0
local N = tonumber(arg and arg[1]) or 30

---------------------------------------------------------------- small helpers: ordered sets on lists
local function list_contains(list, x)
  for i = 1, #list do
    if list[i] == x then return true end
  end
  return false
end

local function list_add_unique(list, x)
  if not list_contains(list, x) then list[#list + 1] = x end
end

---------------------------------------------------------------- the graph
local BasicBlock = {}
BasicBlock.__index = BasicBlock

function BasicBlock.new(name)
  return setmetatable({ name = name, in_edges = {}, out_edges = {} }, BasicBlock)
end

function BasicBlock:num_pred() return #self.in_edges end
function BasicBlock:add_out_edge(to) self.out_edges[#self.out_edges + 1] = to end
function BasicBlock:add_in_edge(from) self.in_edges[#self.in_edges + 1] = from end

local ControlFlowGraph = {}
ControlFlowGraph.__index = ControlFlowGraph

function ControlFlowGraph.new()
  return setmetatable({ basic_block_map = {}, count = 0, start_node = nil, edge_list = {} }, ControlFlowGraph)
end

function ControlFlowGraph:create_node(name)
  local node = self.basic_block_map[name]
  if not node then
    node = BasicBlock.new(name)
    self.basic_block_map[name] = node
    self.count = self.count + 1
  end
  if self.count == 1 then self.start_node = node end
  return node
end

function ControlFlowGraph:add_edge(from_name, to_name)
  local from = self:create_node(from_name)
  local to = self:create_node(to_name)
  from:add_out_edge(to)
  to:add_in_edge(from)
  self.edge_list[#self.edge_list + 1] = { from, to }
end

function ControlFlowGraph:num_nodes() return self.count end

---------------------------------------------------------------- loops
local SimpleLoop = {}
SimpleLoop.__index = SimpleLoop

function SimpleLoop.new(bb, is_reducible)
  local self = setmetatable({}, SimpleLoop)
  self.basic_blocks = {}
  self.children = {}
  self.parent = nil
  self.is_root = false
  self.is_reducible = is_reducible
  self.counter = 0
  self.nesting_level = 0
  self.depth_level = 0
  self.header = bb
  if bb then self.basic_blocks[1] = bb end
  return self
end

function SimpleLoop:add_node(bb) list_add_unique(self.basic_blocks, bb) end
function SimpleLoop:add_child_loop(loop) list_add_unique(self.children, loop) end

function SimpleLoop:set_parent(parent)
  self.parent = parent
  parent:add_child_loop(self)
end

function SimpleLoop:set_nesting_level(level)
  self.nesting_level = level
  if level == 0 then self.is_root = true end
end

local LoopStructureGraph = {}
LoopStructureGraph.__index = LoopStructureGraph

function LoopStructureGraph.new()
  local self = setmetatable({ loops = {}, loop_counter = 0 }, LoopStructureGraph)
  self.root = SimpleLoop.new(nil, true)
  self.root:set_nesting_level(0)
  self.root.counter = self.loop_counter
  self.loop_counter = self.loop_counter + 1
  self.loops[1] = self.root
  return self
end

function LoopStructureGraph:create_new_loop(bb, is_reducible)
  local loop = SimpleLoop.new(bb, is_reducible)
  loop.counter = self.loop_counter
  self.loop_counter = self.loop_counter + 1
  self.loops[#self.loops + 1] = loop
  return loop
end

function LoopStructureGraph:calculate_nesting_level()
  for _, liter in ipairs(self.loops) do
    if not liter.is_root and liter.parent == nil then
      liter:set_parent(self.root)
    end
  end
  self:calculate_nesting_level_rec(self.root, 0)
end

function LoopStructureGraph:calculate_nesting_level_rec(loop, depth)
  loop.depth_level = depth
  for _, child in ipairs(loop.children) do
    self:calculate_nesting_level_rec(child, depth + 1)
    loop:set_nesting_level(math.max(loop.nesting_level, 1 + child.nesting_level))
  end
end

function LoopStructureGraph:num_loops() return #self.loops end

---------------------------------------------------------------- union-find
local UnionFindNode = {}
UnionFindNode.__index = UnionFindNode

function UnionFindNode.new()
  return setmetatable({ parent = nil, bb = nil, loop = nil, dfs_number = 0 }, UnionFindNode)
end

function UnionFindNode:init_node(bb, dfs_number)
  self.parent = self
  self.bb = bb
  self.dfs_number = dfs_number
  self.loop = nil
end

function UnionFindNode:find_set()
  local node_list = {}
  local node = self
  while node ~= node.parent do
    if node.parent ~= node.parent.parent then node_list[#node_list + 1] = node end
    node = node.parent
  end
  for i = 1, #node_list do node_list[i].parent = node.parent end
  return node
end

function UnionFindNode:union(basic_block) self.parent = basic_block end

---------------------------------------------------------------- the loop finder
local BB_NONHEADER, BB_REDUCIBLE, BB_SELF, BB_IRREDUCIBLE, BB_DEAD = 1, 2, 3, 4, 5
local UNVISITED = -1
local MAXNONBACKPREDS = 32 * 1024

local HavlakLoopFinder = {}
HavlakLoopFinder.__index = HavlakLoopFinder

function HavlakLoopFinder.new(cfg, lsg)
  return setmetatable({ cfg = cfg, lsg = lsg, non_back_preds = {}, back_preds = {}, number = {}, max_size = 0,
    header = {}, type = {}, last = {}, nodes = {} }, HavlakLoopFinder)
end

function HavlakLoopFinder:is_ancestor(w, v)
  return w <= v and v <= self.last[w]
end

function HavlakLoopFinder:do_dfs(current_node, current)
  self.nodes[current]:init_node(current_node, current)
  self.number[current_node] = current
  local last_id = current
  local outs = current_node.out_edges
  for i = 1, #outs do
    local target = outs[i]
    if self.number[target] == UNVISITED then
      last_id = self:do_dfs(target, last_id + 1)
    end
  end
  self.last[current] = last_id
  return last_id
end

function HavlakLoopFinder:init_all_nodes()
  for _, bb in pairs(self.cfg.basic_block_map) do
    self.number[bb] = UNVISITED
  end
  self:do_dfs(self.cfg.start_node, 0)
end

function HavlakLoopFinder:identify_edges(size)
  for w = 0, size - 1 do
    self.header[w] = 0
    self.type[w] = BB_NONHEADER
    local node_w = self.nodes[w].bb
    if node_w == nil then
      self.type[w] = BB_DEAD
    else
      self:process_edges(node_w, w)
    end
  end
end

function HavlakLoopFinder:process_edges(node_w, w)
  local number = self.number
  if node_w:num_pred() > 0 then
    for _, node_v in ipairs(node_w.in_edges) do
      local v = number[node_v]
      if v ~= UNVISITED then
        if self:is_ancestor(w, v) then
          local bp = self.back_preds[w]
          bp[#bp + 1] = v
        else
          list_add_unique(self.non_back_preds[w], v)
        end
      end
    end
  end
end

function HavlakLoopFinder:find_loops()
  if self.cfg.start_node == nil then return end
  local size = self.cfg:num_nodes()
  self.non_back_preds, self.back_preds, self.number = {}, {}, {}
  if size > self.max_size then
    self.header, self.type, self.last, self.nodes = {}, {}, {}, {}
    self.max_size = size
  end
  for i = 0, size - 1 do
    self.non_back_preds[i] = {}
    self.back_preds[i] = {}
    self.nodes[i] = UnionFindNode.new()
  end
  self:init_all_nodes()
  self:identify_edges(size)
  self.header[0] = 0

  for w = size - 1, 0, -1 do
    local node_pool = {}
    local node_w = self.nodes[w].bb
    if node_w ~= nil then
      self:step_d(w, node_pool)
      local work_list = {}
      for i = 1, #node_pool do work_list[i] = node_pool[i] end
      if #node_pool ~= 0 then self.type[w] = BB_REDUCIBLE end
      while #work_list > 0 do
        local x = table.remove(work_list, 1)
        local non_back_size = #self.non_back_preds[x.dfs_number]
        if non_back_size > MAXNONBACKPREDS then return end
        self:step_e_process_non_back_preds(w, node_pool, work_list, x)
      end
      if #node_pool > 0 or self.type[w] == BB_SELF then
        local loop = self.lsg:create_new_loop(node_w, self.type[w] ~= BB_IRREDUCIBLE)
        self:set_loop_attributes(w, node_pool, loop)
      end
    end
  end
end

function HavlakLoopFinder:step_d(w, node_pool)
  for _, v in ipairs(self.back_preds[w]) do
    if v ~= w then
      node_pool[#node_pool + 1] = self.nodes[v]:find_set()
    else
      self.type[w] = BB_SELF
    end
  end
end

function HavlakLoopFinder:step_e_process_non_back_preds(w, node_pool, work_list, x)
  for _, iter in ipairs(self.non_back_preds[x.dfs_number]) do
    local y = self.nodes[iter]
    local ydash = y:find_set()
    if not self:is_ancestor(w, ydash.dfs_number) then
      self.type[w] = BB_IRREDUCIBLE
      list_add_unique(self.non_back_preds[w], ydash.dfs_number)
    elseif ydash.dfs_number ~= w and not list_contains(node_pool, ydash) then
      work_list[#work_list + 1] = ydash
      node_pool[#node_pool + 1] = ydash
    end
  end
end

function HavlakLoopFinder:set_loop_attributes(w, node_pool, loop)
  self.nodes[w].loop = loop
  for _, node in ipairs(node_pool) do
    self.header[node.dfs_number] = w
    node:union(self.nodes[w])
    if node.loop ~= nil then
      node.loop:set_parent(loop)
    else
      loop:add_node(node.bb)
    end
  end
end

---------------------------------------------------------------- the test application
local LoopTesterApp = {}
LoopTesterApp.__index = LoopTesterApp

function LoopTesterApp.new()
  local self = setmetatable({}, LoopTesterApp)
  self.cfg = ControlFlowGraph.new()
  self.lsg = LoopStructureGraph.new()
  self.cfg:create_node(0)
  return self
end

function LoopTesterApp:build_diamond(start)
  local bb0 = start
  self.cfg:add_edge(bb0, bb0 + 1)
  self.cfg:add_edge(bb0, bb0 + 2)
  self.cfg:add_edge(bb0 + 1, bb0 + 3)
  self.cfg:add_edge(bb0 + 2, bb0 + 3)
  return bb0 + 3
end

function LoopTesterApp:build_connect(start, end_)
  self.cfg:add_edge(start, end_)
end

function LoopTesterApp:build_straight(start, n)
  for i = 0, n - 1 do
    self:build_connect(start + i, start + i + 1)
  end
  return start + n
end

function LoopTesterApp:build_base_loop(from)
  local header = self:build_straight(from, 1)
  local diamond1 = self:build_diamond(header)
  local d11 = self:build_straight(diamond1, 1)
  local diamond2 = self:build_diamond(d11)
  local footer = self:build_straight(diamond2, 1)
  self:build_connect(diamond2, d11)
  self:build_connect(diamond1, header)
  self:build_connect(footer, from)
  footer = self:build_straight(footer, 1)
  return footer
end

function LoopTesterApp:find_loops(loop_structure)
  local finder = HavlakLoopFinder.new(self.cfg, loop_structure)
  finder:find_loops()
end

function LoopTesterApp:construct_simple_cfg()
  self.cfg:create_node(0)
  self:build_base_loop(0)
  self.cfg:create_node(1)
  self.cfg:add_edge(0, 2)
end

function LoopTesterApp:add_dummy_loops(num_dummy_loops)
  for _ = 1, num_dummy_loops do
    self:find_loops(self.lsg)
  end
end

function LoopTesterApp:construct_cfg(par_loops, ppar_loops, pppar_loops)
  local n = 2
  for _ = 1, par_loops do
    self.cfg:create_node(n + 1)
    self:build_connect(2, n + 1)
    n = n + 1
    for _ = 1, ppar_loops do
      local top = n
      n = self:build_straight(n, 1)
      for _ = 1, pppar_loops do
        n = self:build_base_loop(n)
      end
      local bottom = self:build_straight(n, 1)
      self:build_connect(n, top)
      n = bottom
    end
    self:build_connect(n, 1)
  end
end

function LoopTesterApp:main(num_dummy_loops, find_loop_iterations, par_loops, ppar_loops, pppar_loops)
  self:construct_simple_cfg()
  self:add_dummy_loops(num_dummy_loops)
  self:construct_cfg(par_loops, ppar_loops, pppar_loops)
  self:find_loops(self.lsg)
  local total = 0
  for _ = 1, find_loop_iterations do
    local lsg = LoopStructureGraph.new()
    self:find_loops(lsg)
    total = total + lsg:num_loops()
  end
  self.lsg:calculate_nesting_level()
  return self.lsg:num_loops(), self.cfg:num_nodes(), total
end

local loops, nodes, total = LoopTesterApp.new():main(N, N, 10, 10, 5)
print(string.format("Havlak: %d loop searches, %d loops in %d basic blocks, %d loops found in all", N, loops, nodes,
  total))
