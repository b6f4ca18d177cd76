"""The only writers of approvals: import the area module (`from approvals.services import applying`)."""
