"""You said, we did: what young people said, the actions taken, and the public board that tells them back."""
