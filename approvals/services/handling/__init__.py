"""Handling (内网办理), one module per phase: acceptance, steps, decision, clocks, fees, finish."""
