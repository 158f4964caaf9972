-- A concern's first script.
CREATE TABLE note (id INTEGER NOT NULL PRIMARY KEY);
