-- Sign-in takes a name in any case and looks it up in lower case (Sato, SATO: sato), as the directory does. The
-- administrator's form and the directory write only lower-case usernames; the table now refuses any other, so that no
-- two accounts differ only by case and none exists that nobody can sign in to. A database already holding such a
-- username (only SQL written by hand could have put it there) stops the upgrade here, naming this constraint, rather
-- than leave that account locked out without a word.
alter table person add constraint person_username_lower_case check (username = lower(username));
