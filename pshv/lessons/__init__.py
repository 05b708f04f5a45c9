"""Guided lessons: a lesson is data (`model.Lesson`: steps with a task, a hint, the commands
that solve it, a check on the lab and an explanation); `engine.LessonEngine` runs one in a
shell, checking the current step after every command the learner runs."""
