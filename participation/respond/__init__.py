"""The anonymous pages young people use to answer a survey, and what their answers are stored as."""
