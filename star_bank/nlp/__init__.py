"""The spaCy pipeline, loaded once, and the analysed story every judgment reads."""
