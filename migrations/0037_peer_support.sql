-- Peer support around the clock (src/peer/): which units need cover and
-- when, supporters' shifts, swaps, stepping back, requests for support
-- with their outcome and the safeguarding hand-on, and debriefs.
--
-- Instants are unix seconds (UTC), never local clock times: a shift
-- across a clock change then has its true length, and "who is on now"
-- is one comparison.  Local times are made only for showing and reading
-- forms (src/util/uk_time.c).

-- The hours of the (local) day a unit must have supporters on duty, and
-- how many (reception: two, every day).  A unit without a row is not
-- part of the peer-support rota.
CREATE TABLE peer_cover (
	unit_id		INTEGER PRIMARY KEY REFERENCES units(id),
	from_hour	INTEGER NOT NULL CHECK (from_hour BETWEEN 0 AND 23),
	to_hour		INTEGER NOT NULL CHECK (to_hour BETWEEN 1 AND 24),
	needed		INTEGER NOT NULL CHECK (needed BETWEEN 1 AND 9),
	CHECK (to_hour > from_hour)
);

CREATE TABLE peer_shifts (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	unit_id		INTEGER NOT NULL REFERENCES units(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	starts_at	INTEGER NOT NULL,
	ends_at		INTEGER NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	CHECK (ends_at > starts_at AND ends_at - starts_at <= 90000)
);
CREATE INDEX peer_shifts_unit ON peer_shifts(unit_id, starts_at);
CREATE INDEX peer_shifts_site ON peer_shifts(site_id, starts_at);
CREATE INDEX peer_shifts_person ON peer_shifts(person_id, starts_at);

-- Every swap, kept: who held the shift, who took it, who recorded it.
CREATE TABLE peer_swaps (
	id		INTEGER PRIMARY KEY,
	shift_id	INTEGER NOT NULL REFERENCES peer_shifts(id),
	from_person	INTEGER NOT NULL REFERENCES people(id),
	to_person	INTEGER NOT NULL REFERENCES people(id),
	swapped_by	INTEGER NOT NULL REFERENCES accounts(id),
	swapped_at	INTEGER NOT NULL,
	CHECK (from_person != to_person)
);
CREATE INDEX peer_swaps_shift ON peer_swaps(shift_id);

-- A supporter stepping back for a while keeps their role (membership);
-- their shifts in the time count as gaps and no request is offered to
-- them.  to_on NULL: until they come back.
CREATE TABLE peer_breaks (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	from_on		TEXT NOT NULL,
	to_on		TEXT,
	recorded_by	INTEGER NOT NULL REFERENCES accounts(id),
	CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX peer_breaks_person ON peer_breaks(person_id, from_on);

-- A request for a supporter to see someone: where, how urgent, a word on
-- what about (no names: checked at the door).  Offered to the supporters
-- on duty on the unit when asked; accepted, seen, closed with an outcome
-- that becomes a conversation log.  A concern for someone's safety
-- cannot be closed without the staff member told, by name and role, and
-- when; it stays on the site's staff home page until acknowledged.
CREATE TABLE peer_requests (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	unit_id		INTEGER NOT NULL REFERENCES units(id),
	asked_by	TEXT NOT NULL CHECK (asked_by IN ('officer', 'staff',
			    'self_kiosk', 'self_slip', 'supporter')),
	urgency		TEXT NOT NULL CHECK (urgency IN ('now', 'today',
			    'this_week')),
	about		TEXT NOT NULL,
	entered_by	INTEGER NOT NULL REFERENCES accounts(id),
	asked_at	INTEGER NOT NULL,
	accepted_by	INTEGER REFERENCES people(id),
	accepted_at	INTEGER,
	on_duty		INTEGER CHECK (on_duty IN (0, 1)),
	seen_at		INTEGER,
	closed_at	INTEGER,
	outcome		TEXT CHECK (outcome IN ('resolved', 'signposted',
			    'supported_to_raise', 'staff_champion',
			    'coordinator', 'safety_concern')),
	service_id	INTEGER REFERENCES services(id),
	conversation_id	INTEGER REFERENCES conversations(id),
	told_name	TEXT,
	told_role	TEXT,
	told_at		INTEGER,
	acknowledged_by	INTEGER REFERENCES accounts(id),
	acknowledged_at	INTEGER,
	CHECK ((accepted_by IS NULL) = (accepted_at IS NULL)),
	CHECK (seen_at IS NULL OR accepted_at IS NOT NULL),
	CHECK ((closed_at IS NULL) = (outcome IS NULL)),
	CHECK (closed_at IS NULL OR seen_at IS NOT NULL),
	CHECK (outcome IS NOT 'safety_concern' OR (length(told_name) > 0
	    AND length(told_role) > 0 AND told_at IS NOT NULL)),
	CHECK (acknowledged_at IS NULL OR outcome = 'safety_concern')
);
CREATE INDEX peer_requests_site ON peer_requests(site_id, asked_at);
CREATE INDEX peer_requests_unit ON peer_requests(unit_id, asked_at);
CREATE INDEX peer_requests_unacknowledged ON peer_requests(site_id)
    WHERE outcome = 'safety_concern' AND acknowledged_at IS NULL;

-- Who a request was offered to: the supporters on duty on its unit then.
CREATE TABLE peer_request_offers (
	request_id	INTEGER NOT NULL REFERENCES peer_requests(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	PRIMARY KEY (request_id, person_id)
) WITHOUT ROWID;

-- A supporter asks for a debrief after a difficult contact; the
-- supervisors (coordinators at the site) see it until it is done.
CREATE TABLE peer_debriefs (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	request_id	INTEGER REFERENCES peer_requests(id),
	asked_at	INTEGER NOT NULL,
	done_on		TEXT,
	done_by		INTEGER REFERENCES accounts(id),
	CHECK ((done_on IS NULL) = (done_by IS NULL))
);
CREATE INDEX peer_debriefs_site ON peer_debriefs(site_id, done_on);
