-- Curator accounts: who may write. Passwords as Spring Security's delegating hash ({bcrypt}...).
CREATE TABLE curators (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
