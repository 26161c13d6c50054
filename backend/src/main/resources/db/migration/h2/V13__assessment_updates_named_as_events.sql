-- An assessment's edit is an "updated" write, as an event's is, so the changes feed names writes one way.
UPDATE assessment_versions SET change_kind = 'updated' WHERE change_kind = 'edited';
