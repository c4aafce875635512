-- A version is numbered when its training starts (TRAINING) and gets its artifact only when it succeeds (READY);
-- a training that fails or is interrupted leaves a FAILED version with its reason and no artifact.
ALTER TABLE model_version ALTER COLUMN artifact DROP NOT NULL;
