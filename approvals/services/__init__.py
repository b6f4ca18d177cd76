"""The only writers of the approvals pillar: one function per use case (see the contract)."""

from approvals.services.applying import (
    case_add_material,
    case_remove_material,
    case_save_draft,
    case_start_draft,
    case_submit,
    case_supply_materials,
    case_withdraw,
)
from approvals.services.handling import (
    case_accept,
    case_decide,
    case_extend,
    case_finish,
    case_pause,
    case_refuse_acceptance,
    case_resume,
    case_send_material_notice,
    case_set_fee,
    cases_deem_accepted,
    task_pass,
    task_return,
)
from approvals.services.processes import (
    process_activate,
    process_add_step,
    process_create,
    process_remove_step,
    process_retire,
)

__all__ = [
    "case_accept",
    "case_add_material",
    "case_decide",
    "case_extend",
    "case_finish",
    "case_pause",
    "case_refuse_acceptance",
    "case_remove_material",
    "case_resume",
    "case_save_draft",
    "case_send_material_notice",
    "case_set_fee",
    "case_start_draft",
    "case_submit",
    "case_supply_materials",
    "case_withdraw",
    "cases_deem_accepted",
    "process_activate",
    "process_add_step",
    "process_create",
    "process_remove_step",
    "process_retire",
    "task_pass",
    "task_return",
]
