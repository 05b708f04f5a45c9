"""Tab completion: what the text before the cursor asks for, and where the answers come from."""
