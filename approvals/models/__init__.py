"""Online approvals (网上审批): one module per part of the pillar."""
