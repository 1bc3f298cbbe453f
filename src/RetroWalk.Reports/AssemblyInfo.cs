namespace RetroWalk.Reports;
