-- Issue 9: a member's changed membership decision cancels the follow-up the earlier decision opened
-- (status 'cancelled', "keputusan diubah", in its history) and opens the new one. Changing back
-- opens a fresh follow-up of the first kind (a cancelled one never reopens: statuses only move
-- forward, here and in the sync), so "one per visit, member and kind" counts only those not cancelled.
DROP INDEX followups_one_per_member;
CREATE UNIQUE INDEX followups_one_per_member ON followups(ticket_id, nik, kind) WHERE status <> 'cancelled';
