-- The board's own id for a post and its permalink, where the input gives them (posts.post_id is the id made
-- unique in the thread, which editions, quotes and reply links use).
ALTER TABLE posts ADD COLUMN board_id TEXT;
ALTER TABLE posts ADD COLUMN url TEXT;
