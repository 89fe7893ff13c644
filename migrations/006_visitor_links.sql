-- The link behind a ticket's QR code: the visitor's phone opens http://HOST:PORT/#/v/<token> to see
-- the ticket's place in line. The token is 144 random bits (unguessable, not derived from the
-- ticket), made on first use and kept for the ticket's life; it opens numbers only.
CREATE TABLE visitor_links (
  ticket_id   TEXT PRIMARY KEY REFERENCES tickets(id),
  token       TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);
