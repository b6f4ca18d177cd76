"""Messages (留言) and mailboxes (县长信箱, 部门信箱), by phase: writing, handling, publication,
conversion to and from complaints; `notices` names who is told what, `clocks` the answer clock."""
