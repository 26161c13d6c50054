-- As postgresql/V8: the longest event's span in days, kept beside the data version by every write.
ALTER TABLE data_version ADD COLUMN max_span_days INTEGER DEFAULT 0 NOT NULL;
UPDATE data_version SET max_span_days = (SELECT COALESCE(MAX(DATEDIFF('DAY', date_start, date_end)), 0) FROM events);
