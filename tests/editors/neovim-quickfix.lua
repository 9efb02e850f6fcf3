-- End-to-end test in a real editor (Neovim 0.7+, headless): open a spec with a misspelled key,
-- wait for tradeoff's diagnostic, apply the server's quick fix, wait for the diagnostic to clear,
-- save. Exits 0 on success; on failure prints why and exits 1.
-- Inputs (environment): TRADEOFF_BIN (the binary), TRADEOFF_SPEC (the spec to open).

local function fail(why)
  io.stderr:write("neovim e2e: " .. why .. "\n")
  vim.cmd("cquit 1")
end

local ok, err = pcall(function()
  local bin, spec = os.getenv("TRADEOFF_BIN"), os.getenv("TRADEOFF_SPEC")
  vim.cmd("edit " .. vim.fn.fnameescape(spec))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "tradeoff",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(spec, ":p:h"),
  })
  if not client_id then return fail("the client did not start") end
  vim.lsp.buf_attach_client(buf, client_id)

  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    return fail("no diagnostic arrived")
  end
  local d = vim.diagnostic.get(buf)[1]
  if not d.message:find("did you mean `workload`?", 1, true) then
    return fail("unexpected diagnostic: " .. d.message)
  end
  io.stderr:write(string.format("neovim e2e: diagnostic at %d:%d: %s\n", d.lnum + 1, d.col + 1, d.message))

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 30000)
  local applied = 0
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if action.kind == "quickfix" and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        applied = applied + 1
      end
    end
  end
  if applied ~= 1 then return fail("expected one quick fix, applied " .. applied) end

  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
    return fail("the diagnostic did not clear after the fix: " .. vim.diagnostic.get(buf)[1].message)
  end
  vim.cmd("write")
  vim.lsp.stop_client(client_id)
  vim.cmd("qall!")
end)
if not ok then fail(tostring(err)) end
