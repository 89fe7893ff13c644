-- Databases set up before the glossary (issue 8) keep the words first run seeded then: the host
-- desk named "Komputer host" and the satpam step "... nomor antrian". Renamed to what first run
-- seeds now, exact old values only, so a name the admin chose is never touched. Past step
-- timings carry the step's name too: renamed with it, so a day's figures stay one row per step.
UPDATE desks SET name = 'Komputer utama' WHERE name = 'Komputer host';
UPDATE service_steps SET name = 'Menanyakan tujuan dan memberi nomor antrean' WHERE name = 'Menanyakan tujuan dan memberi nomor antrian';
UPDATE step_timings SET name = 'Menanyakan tujuan dan memberi nomor antrean' WHERE name = 'Menanyakan tujuan dan memberi nomor antrian';
