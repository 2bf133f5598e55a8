"""The curated vocabulary: loaded from vocabulary/, compiled into one matcher."""
