-- Drives Tactful's language server from Neovim's built-in LSP client, as a
-- Neovim user's config would: start the client, attach it to the buffer, wait
-- for diagnostics, run a code action through the code-action menu, save.
--
-- Written for Neovim 0.7 (Debian 12): vim.lsp.start does not exist there, so
-- this uses vim.lsp.start_client + vim.lsp.buf_attach_client, which newer
-- versions still have.
--
-- Run by test/e2e/neovim.mjs, which passes everything in environment
-- variables and checks the JSON this script writes:
--   TACTFUL_NVIM_ROOT     the folder to use as the workspace root
--   TACTFUL_NVIM_CWD      where `npx tactful-language-server` resolves (the repo)
--   TACTFUL_NVIM_EXPECT   JSON file: { before, after = ["rule:line:bytecol"], rule, line,
--                         byte_col, action, timeout }
--   TACTFUL_NVIM_RESULT   JSON file this script writes

local env = vim.env
local result = { steps = {} }
local expect = vim.fn.json_decode(table.concat(vim.fn.readfile(env.TACTFUL_NVIM_EXPECT), '\n'))
local timeout = expect.timeout or 30000

local function write_result()
  vim.fn.writefile({ vim.fn.json_encode(result) }, env.TACTFUL_NVIM_RESULT)
end

local function step(name)
  table.insert(result.steps, name)
  result.step = name
  write_result()
end

local function fail(message)
  result.error = message
  write_result()
  vim.cmd('cquit 1')
end

-- Diagnostics as Neovim holds them: 0-based lines, byte columns (Neovim
-- converted them from the server's UTF-16 positions), code = rule id.
local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return out
end

local function keys(list)
  local out = {}
  for _, d in ipairs(list) do
    table.insert(out, string.format('%s:%d:%d', tostring(d.code), d.lnum, d.col))
  end
  table.sort(out)
  return out
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

local bufnr = vim.api.nvim_get_current_buf()
local messages = {}

step('start the language server (npx tactful-language-server --stdio)')
local client_id = vim.lsp.start_client({
  name = 'tactful',
  cmd = { 'npx', '--no-install', 'tactful-language-server', '--stdio' },
  cmd_cwd = env.TACTFUL_NVIM_CWD,
  root_dir = env.TACTFUL_NVIM_ROOT,
  workspace_folders = { { uri = vim.uri_from_fname(env.TACTFUL_NVIM_ROOT), name = 'macros' } },
  handlers = {
    ['window/logMessage'] = function(_, params) table.insert(messages, params.message) end,
    ['window/showMessage'] = function(_, params) table.insert(messages, params.message) end,
  },
  on_exit = function(code, signal)
    if not result.done then
      result.server_exit = { code = code, signal = signal }
    end
  end,
})
if not client_id then fail('vim.lsp.start_client returned nil') end

step('attach the client to the buffer')
vim.lsp.buf_attach_client(bufnr, client_id)
local initialized = vim.wait(timeout, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 50)
if not initialized then
  result.messages = messages
  fail('the server did not finish initializing within ' .. timeout .. ' ms')
end
result.server_name = (vim.lsp.get_client_by_id(client_id).server_capabilities or {}).serverInfo

step('wait for the expected diagnostics')
local matched = vim.wait(timeout, function()
  return same(keys(diagnostics(bufnr)), expect.before)
end, 50)
result.before = diagnostics(bufnr)
result.before_matched = matched
if not matched then
  result.messages = messages
  fail('the diagnostics never matched the command line\'s findings')
end

step('put the cursor on the ' .. expect.rule .. ' finding and open the code actions')
vim.api.nvim_win_set_cursor(0, { expect.line + 1, expect.byte_col })
local offered = nil
local chosen = nil
-- Neovim shows code actions through vim.ui.select; a user picks one by its title.
vim.ui.select = function(items, opts, on_choice)
  offered = {}
  for i, item in ipairs(items) do
    local action = item[2] or item.action or item
    table.insert(offered, action.title)
    if action.title == expect.action and not chosen then chosen = i end
  end
  if chosen then on_choice(items[chosen], chosen) else on_choice(nil, nil) end
end
local line_before = vim.api.nvim_buf_get_lines(bufnr, expect.line, expect.line + 1, false)[1]
local tick = vim.api.nvim_buf_get_changedtick(bufnr)
vim.lsp.buf.code_action()
local asked = vim.wait(timeout, function() return offered ~= nil end, 50)
result.offered = offered
if not asked then fail('no code-action menu was shown') end
if not chosen then fail('the code-action menu did not offer "' .. expect.action .. '"') end

step('apply "' .. expect.action .. '"')
local applied = vim.wait(timeout, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 50)
if not applied then fail('choosing "' .. expect.action .. '" did not change the buffer') end
result.line_before = line_before
result.line_after = vim.api.nvim_buf_get_lines(bufnr, expect.line, expect.line + 1, false)[1]

step('wait for the ' .. expect.rule .. ' finding to disappear')
local gone = vim.wait(timeout, function()
  return same(keys(diagnostics(bufnr)), expect.after)
end, 50)
result.after = diagnostics(bufnr)
if not gone then fail('after the fix, the diagnostics never matched the command line\'s findings for the fixed text') end

step('save the file')
vim.cmd('write')

step('stop the language server')
result.done = true
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
result.messages = messages
write_result()
vim.cmd('qall!')
