-- As postgresql/V9: type and claim status are in the window index (V7).
DROP INDEX events_type_idx;
DROP INDEX events_claim_status_idx;
