"""Guided walkthroughs: flows as data, bound to guide sections and simulator actions."""
